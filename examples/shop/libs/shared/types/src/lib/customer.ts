/** A shopper account as exposed over the API (no credentials, no addresses). */
export interface Customer {
  id: string;
  email: string;
  fullName: string;
  /** ISO-8601 timestamp. */
  createdAt: string;
}
