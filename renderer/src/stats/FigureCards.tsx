/** The county's figures as cards; every number opens the records behind it. */
import { Tooltip } from 'antd';
import { FIGURE_KEYS, FIGURE_META, figureText, type FigureKey, type StatsResult } from '../../../shared/stats';

function sub(key: FigureKey, s: StatsResult): string {
  const f = s.county[key];
  const meta = FIGURE_META[key];
  if (f.value === null) return '';
  if (meta.share) return f.of ? `${f.value} / ${f.of} ${meta.unit}` : `无应计${meta.unit}`;
  return meta.unit;
}

export function FigureCards({ stats, onOpen }: { stats: StatsResult; onOpen: (key: FigureKey) => void }) {
  return (
    <div className="ob-stats-cards">
      {FIGURE_KEYS.map((k) => {
        const meta = FIGURE_META[k];
        const f = stats.county[k];
        const note = stats.notes[k];
        const pending = f.value !== null && meta.share ? (f.pending ?? 0) : 0;
        return (
          <button key={k} type="button" className="ob-stats-card" data-testid={`card-${k}`} onClick={() => onOpen(k)}>
            <Tooltip title={meta.rule} placement="topLeft">
              <span className="ob-stats-card-label">{meta.label}</span>
            </Tooltip>
            <span className="ob-stats-card-value">
              <span data-testid={`value-${k}`} className={f.value === null ? 'ob-muted' : undefined}>
                {figureText(k, { ...f, pending: undefined })}
              </span>
              <small>{sub(k, stats)}</small>
            </span>
            {/* Uncertified records are in neither side of the share: said in full under it (may wrap), not beside the figure. */}
            <span
              className={`ob-stats-card-note${f.value === null ? ' warn' : ''}${pending ? ' pending' : ''}`}
              title={note}
              data-testid={`note-${k}`}
            >
              {note ?? (pending ? `未认定 ${pending} ${meta.unit}，不计入` : ' ')}
            </span>
          </button>
        );
      })}
    </div>
  );
}
