/**
 * The two columns every cadre cell grid (月考勤表, 评分表) starts with: 姓名 (the row header)
 * and the place with the post beneath. Shared look in styles.css (.ob-cell-name, .ob-cell-place);
 * `prefix` adds the grid's own classes (`${prefix}-name`, `${prefix}-place`) for its widths.
 * ARIA: columns 1 and 2 of a role=grid table whose two head rows come first.
 */
import { POST_SHORT } from './postShort';

/** The two head cells, spanning both head rows; `placeTitle` e.g. 村 / 职务. */
export function CadreLeadHeads({ prefix, placeTitle }: { prefix: string; placeTitle: string }) {
  return (
    <>
      <th className={`ob-cell-name ${prefix}-name`} rowSpan={2} role="columnheader" aria-colindex={1}>
        姓名
      </th>
      <th className={`ob-cell-place ${prefix}-place`} rowSpan={2} role="columnheader" aria-colindex={2}>
        {placeTitle}
      </th>
    </>
  );
}

/** A row's two lead cells: the cadre's name, then `place` over the post's short name. */
export function CadreLeadCells({ prefix, name, place, postType }: { prefix: string; name: string; place: string; postType: string }) {
  return (
    <>
      <th className={`ob-cell-name ${prefix}-name`} scope="row" role="rowheader" aria-colindex={1}>
        {name}
      </th>
      <th className={`ob-cell-place ${prefix}-place`} role="gridcell" aria-colindex={2}>
        <div>{place}</div>
        <div className="ob-muted">{POST_SHORT[postType] ?? postType}</div>
      </th>
    </>
  );
}
