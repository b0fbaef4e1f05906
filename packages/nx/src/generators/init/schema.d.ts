export interface InitGeneratorOptions {
  skipFormat?: boolean;
}
