// A small, dependency-free bar chart in HTML and CSS (server-rendered), with the numbers also in a table for
// screen readers. Not an SVG stretched to the card: that squeezed its text to half width on a phone.

/** Bar is one labelled value, drawn in an optional colour. */
export interface Bar {
  label: string;
  value: number;
  color?: string;
  title?: string;
}

/**
 * BarChart draws bars side by side with their values (`format` renders a value as text); with `empty` and no
 * bar above zero it says that instead of drawing an empty frame.
 */
export function BarChart({ bars, caption, format = String, empty }: { bars: Bar[]; caption: string; format?: (value: number) => string; empty?: string }) {
  if (empty !== undefined && bars.every((bar) => bar.value <= 0)) return <p className="muted chart-empty">{empty}</p>;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <figure className="chart">
      <div className="chart-bars" aria-hidden="true">
        {bars.map((bar, i) => (
          <div key={`${bar.label}-${i}`} className="chart-bar" title={bar.title ?? `${bar.label}: ${format(bar.value)}`}>
            <div className="chart-plot">
              {bar.value > 0 && (
                // At least 2 px, so that a small value next to a large one still shows.
                <div className="chart-fill" style={{ height: `max(2px, ${(100 * bar.value) / max}%)`, background: bar.color ?? 'var(--accent)' }}>
                  <span className="chart-value">{format(bar.value)}</span>
                </div>
              )}
            </div>
            <span className="chart-label">{bar.label}</span>
          </div>
        ))}
      </div>
      <figcaption>{caption}</figcaption>
      {/* A table is never narrower than its text: hidden inside a block, or it widens the page on a phone. */}
      <div className="visually-hidden">
        <table>
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
      </div>
    </figure>
  );
}
