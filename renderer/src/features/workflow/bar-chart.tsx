// A horizontal bar chart in plain SVG: labelled bars, optional stacked series, and the same
// numbers in a table for screen readers. SVG attributes only, so the strict CSP needs no change.
import { useId } from 'react';

export interface Series {
  name: string;
  /** CSS class that colors this series' bars and legend key. */
  tone: string;
}

export interface BarRow {
  label: string;
  values: number[];
}

interface BarChartProps {
  title: string;
  series: Series[];
  rows: BarRow[];
  empty: string;
}

const WIDTH = 560;
const LABEL = 230;
const ROW = 30;
const BAR = 18;

export function BarChart({ title, series, rows, empty }: BarChartProps) {
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const plot = WIDTH - LABEL - 40;
  const height = rows.length * ROW + 4;
  const summary = rows
    .map((r) => `${r.label}: ${r.values.map((v, i) => `${v} ${series[i]?.name ?? ''}`).join(', ')}`)
    .join('; ');

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span className={`legend-key ${s.tone}`} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p className="empty-note">{empty}</p>
      ) : (
        <>
          <svg
            className="chart-svg"
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-label={`${title}. ${summary}`}
          >
            {rows.map((row, i) => {
              const y = i * ROW + 4;
              let x = LABEL;
              const total = row.values.reduce((a, b) => a + b, 0);
              return (
                <g key={row.label}>
                  <text
                    className="chart-label"
                    x={LABEL - 10}
                    y={y + BAR / 2}
                    textAnchor="end"
                    dominantBaseline="central"
                  >
                    {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
                  </text>
                  <rect className="chart-track" x={LABEL} y={y} width={plot} height={BAR} rx="3" />
                  {row.values.map((v, s) => {
                    const w = (v / max) * plot;
                    const rect = (
                      <rect
                        key={s}
                        className={`chart-bar ${series[s]?.tone ?? ''}`}
                        x={x}
                        y={y}
                        width={w}
                        height={BAR}
                        rx="3"
                      >
                        <title>{`${row.label}: ${v} ${series[s]?.name ?? ''}`}</title>
                      </rect>
                    );
                    x += w;
                    return rect;
                  })}
                  <text
                    className="chart-value"
                    x={x + 8}
                    y={y + BAR / 2}
                    dominantBaseline="central"
                  >
                    {total}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                {series.map((s) => (
                  <th scope="col" key={s.name}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
