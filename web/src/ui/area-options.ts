/** The areas as select options in tree order, each indented by its depth. */
import { useAreas } from '../app/areas.js';
import { useLocalize } from './localize.js';

export function useAreaOptions(): { value: string; label: string }[] {
  const { rows } = useAreas();
  const { name } = useLocalize();
  return rows.map((r) => ({ value: r.area.id, label: `${'\u2003'.repeat(r.depth)}${name(r.area)}` }));
}
