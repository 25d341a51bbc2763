import type { MessageKey } from '../../i18n/locale';
import { useT } from '../../i18n/useT';

/** A view whose feature lands in a later issue: it says plainly what it will hold. */
export function UpcomingView({ title, description }: { title: MessageKey; description: MessageKey }) {
  const t = useT();
  return (
    <section className="view" aria-labelledby="upcoming-title">
      <h1 id="upcoming-title">{t(title)}</h1>
      <p className="muted">{t(description)}</p>
    </section>
  );
}
