// A small, dependency-free SVG bar chart (server-rendered), with the numbers also in a table for screen readers.

/** Bar is one labelled value, drawn in an optional colour. */
export interface Bar {
  label: string;
  value: number;
  color?: string;
  title?: string;
}

/** BarChart draws bars side by side with their values; `format` renders a value as text. */
export function BarChart({ bars, caption, format = String }: { bars: Bar[]; caption: string; format?: (value: number) => string }) {
  const width = 600;
  const height = 180;
  const gap = 6;
  const top = 18;
  const bottom = 26;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barWidth = (width - gap * (bars.length + 1)) / Math.max(1, bars.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={caption} preserveAspectRatio="none">
        {bars.map((bar, i) => {
          const h = ((height - top - bottom) * bar.value) / max;
          const x = gap + i * (barWidth + gap);
          const y = height - bottom - h;
          return (
            <g key={`${bar.label}-${i}`}>
              <title>{bar.title ?? `${bar.label}: ${format(bar.value)}`}</title>
              <rect x={x} y={y} width={barWidth} height={Math.max(h, bar.value > 0 ? 2 : 0)} rx={3} fill={bar.color ?? 'var(--accent)'} />
              <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" className="chart-value">
                {bar.value > 0 ? format(bar.value) : ''}
              </text>
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="chart-label">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{caption}</figcaption>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <tbody>
          {bars.map((bar, i) => (
            <tr key={`${bar.label}-row-${i}`}>
              <th scope="row">{bar.title ?? bar.label}</th>
              <td>{format(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
