// How the popup orders a page's entities: grouped by type, most salient first. Salience counts
// mentions, gives a headline appearance the weight of three mentions, and lets an earlier first
// appearance break ties — the way a reader would say what an article is about.
import type { EntityType } from "@/src/nlp/types";
import { normalizeWord } from "@/src/nlp/normalize";
import type { PageEntity } from "@/src/messaging/messages/page";

export const TYPE_ORDER: readonly EntityType[] = ["PER", "ORG", "LOC", "DATE", "EVENT", "MISC"];

const TITLE_WEIGHT = 3;

export interface RankedEntity extends PageEntity {
  inTitle: boolean;
  salience: number;
}

export interface EntityGroup {
  type: EntityType;
  /** Sum of mentions over the group. */
  mentionCount: number;
  entities: RankedEntity[];
}

/** Whether the headline names it, forgiving diacritics and letter variants; `names` are extra spellings. */
export function titleMentions(
  title: string,
  surface: string,
  names: readonly string[] = [],
): boolean {
  const folded = normalizeWord(title);
  return [surface, ...names].some(
    (name) => name.trim().length > 1 && folded.includes(normalizeWord(name.trim())),
  );
}

/**
 * Groups a page's entities by type (PER, ORG, LOC, DATE, then the rest) and orders each group by
 * salience; `namesOf` may add knowledge-base names to look for in the title.
 */
export function rankPageEntities(
  entities: readonly PageEntity[],
  title: string,
  namesOf: (entityId: string) => readonly string[] = () => [],
): EntityGroup[] {
  // `first` is the reading order of a name's first mention; earliness scales it into 0..1.
  const extent = Math.max(1, ...entities.map((e) => e.first + 1));
  const ranked = entities.map((entity): RankedEntity => {
    const inTitle = titleMentions(
      title,
      entity.surface,
      entity.entityId ? namesOf(entity.entityId) : [],
    );
    const earliness = 1 - entity.first / extent;
    return {
      ...entity,
      inTitle,
      salience: entity.count + (inTitle ? TITLE_WEIGHT : 0) + earliness,
    };
  });
  const groups: EntityGroup[] = [];
  for (const type of TYPE_ORDER) {
    const members = ranked
      .filter((entity) => entity.type === type)
      .sort((a, b) => b.salience - a.salience || a.first - b.first);
    if (members.length === 0) continue;
    groups.push({
      type,
      mentionCount: members.reduce((sum, e) => sum + e.count, 0),
      entities: members,
    });
  }
  return groups;
}
