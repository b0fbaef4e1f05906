import { DateRangePreset, parseIsoDate, presetRange, toIsoDate } from '@shop/shared-util';

/** A range as ISO dates (`from` inclusive, `to` exclusive); either bound may be open. */
export interface IsoDateRange {
  from?: string;
  to?: string;
}

/** Props for DateRangePicker. */
export interface DateRangePickerProps {
  value: IsoDateRange;
  onChange: (value: IsoDateRange) => void;
  /** Preset buttons to offer; defaults to last 7 / last 30 days / this month. */
  presets?: DateRangePreset[];
  label?: string;
}

const PRESET_LABELS: Record<DateRangePreset, string> = {
  today: 'Today',
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  thisMonth: 'This month',
};

/**
 * Two native date inputs plus preset shortcuts. The "to" input shows the last *included* day;
 * the emitted `to` is exclusive (the day after).
 */
export function DateRangePicker({ value, onChange, presets = ['last7', 'last30', 'thisMonth'], label = 'Date range' }: DateRangePickerProps) {
  const inclusiveTo = value.to ? toIsoDate(new Date(parseIsoDate(value.to).getTime() - 86_400_000)) : '';

  return (
    <fieldset className="date-range-picker">
      <legend>{label}</legend>
      <input
        type="date"
        aria-label="From"
        value={value.from ?? ''}
        onChange={(event) => onChange({ ...value, from: event.target.value || undefined })}
      />
      <input
        type="date"
        aria-label="To"
        value={inclusiveTo}
        onChange={(event) =>
          onChange({
            ...value,
            to: event.target.value ? toIsoDate(new Date(parseIsoDate(event.target.value).getTime() + 86_400_000)) : undefined,
          })
        }
      />
      {presets.map((preset) => (
        <button
          key={preset}
          type="button"
          className="date-range-picker__preset"
          onClick={() => {
            const range = presetRange(preset);
            onChange({ from: toIsoDate(range.from), to: toIsoDate(range.to) });
          }}
        >
          {PRESET_LABELS[preset]}
        </button>
      ))}
      {(value.from || value.to) && (
        <button type="button" className="date-range-picker__clear" onClick={() => onChange({})}>
          Clear
        </button>
      )}
    </fieldset>
  );
}
