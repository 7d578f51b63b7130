// Where the run is: newman's events carry no parents, console messages carry no item, and a
// script's pm.sendRequest gets a fresh nameless item, so the item being run is tracked here. An
// item that ends without having sent its own request was skipped (pm.execution.skipRequest()).
import type { ItemTarget } from './request-kinds.js';

export interface SdkItem {
  id: string;
  name: string;
}

interface CollectionNode {
  id?: string;
  name?: string;
  item?: CollectionNode[];
}

/** `Folder / Request` for every item id of a collection. */
export function itemPaths(collection: CollectionNode, prefix: string[] = [], into = new Map<string, string>()): Map<string, string> {
  for (const child of collection.item ?? []) {
    const path = [...prefix, child.name ?? ''];
    if (child.id) into.set(child.id, path.join(' / '));
    itemPaths(child, path, into);
  }
  return into;
}

export class ItemTracker {
  private readonly paths: Map<string, string>;
  private current: { id: string; name: string; sent: boolean; lastNote: string; failed: string[] } | undefined;

  constructor(
    collection: object,
    private readonly targets: Readonly<Record<string, ItemTarget>>,
  ) {
    this.paths = itemPaths(collection as CollectionNode);
  }

  enter(item: SdkItem): void {
    this.current = { id: item.id, name: this.nameOf(item), sent: false, lastNote: '', failed: [] };
  }

  /** The name of an item, or of the item being run when the event has none of its own. */
  nameOf(item: SdkItem | undefined): string {
    return (item && (this.paths.get(item.id) ?? item.name)) || (this.current?.name ?? '');
  }

  /** What the item being run exercises. */
  target(): ItemTarget | undefined {
    return this.current && this.targets[this.current.id];
  }

  /** Notes a request; true when it is the item's own (not a script's pm.sendRequest). */
  sent(item: SdkItem): boolean {
    const own = item.id === this.current?.id;
    if (own) this.current!.sent = true;
    return own;
  }

  noted(message: string): void {
    if (this.current) this.current.lastNote = message;
  }

  failed(assertion: string): void {
    this.current?.failed.push(assertion);
  }

  /** Why a check newman reports as skipped did not run: the item's first failed check. */
  skipReason(): string {
    const first = this.current?.failed[0];
    return first ? `${first} failed` : 'skipped by its script';
  }

  /** Leaves the item; says so, with the reason, when it was skipped without sending its request. */
  leave(): { item: string; reason: string } | undefined {
    const left = this.current;
    this.current = undefined;
    if (!left || left.sent) return undefined;
    return { item: left.name, reason: left.lastNote || 'its pre-request script skipped it' };
  }
}
