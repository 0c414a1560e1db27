// Every data table in the portal (WCAG 2.1 AA): the table sits in a region named by its caption and
// reachable by keyboard (tabIndex 0), so a table wider than a 390 px screen scrolls sideways with the
// arrow keys instead of the page, and a screen reader announces what the scrolled region holds.
import { type ReactNode, useId } from "react";

export function DataTable({
  caption,
  id,
  captionId,
  className,
  captionClassName,
  children,
}: {
  /** Required: the table's name, and the region's. Hide it visually where a heading shows the same words. */
  caption: ReactNode;
  id?: string | undefined;
  captionId?: string | undefined;
  className?: string | undefined;
  captionClassName?: string | undefined;
  /** thead, tbody and tfoot. */
  children: ReactNode;
}) {
  const generated = useId();
  const labelId = captionId ?? generated;
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelId} tabIndex={0}>
      <table id={id} className={className}>
        <caption id={labelId} className={captionClassName}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
