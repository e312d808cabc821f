// Whether a mention is said not to be so ("has not tried lithium", "no denial has been received",
// "does not show a trial of psychotherapy") or only might be ("in case it is denied"). The cue
// must stand before the mention in the same clause; a list after the cue shares it ("has not
// tried lithium or an MAOI").

const NEGATION =
  /\b(?:no|not|never|nothing|none|neither|nor|without|denies|denied having|declined|refused|free of|absence of|ruled out|rather than|instead of|has(?:n't| not)|have(?:n't| not)|had(?:n't| not)|did(?:n't| not)|does(?:n't| not)|do(?:n't| not)|is(?:n't| not)|was(?:n't| not)|were(?:n't| not)|cannot|can't|won't)\b/gi;

const HYPOTHETICAL =
  /\b(?:if|in case|should|unless|whether|would|could|may|might|expect(?:s|ed)?|in the event)\b/gi;

/** What closes a clause: after it, an earlier cue no longer applies. */
const CLAUSE_END =
  /[;:()[\]]|\.\s|\b(?:but|however|although|though|then|which|who|after|before|because|since|until|so|and (?:then|later|now|has|had|was|is|took|tried))\b|,\s+(?:and|but)\b/i;

/**
 * "no response", "without benefit", "could not tolerate", "did not respond to": a trial's
 * outcome, not a cue for what follows it.
 */
const OUTCOME =
  /^\s+(?:\w+\s+)?(?:response|benefit|improvement|change|relief|effect|remission|help|tolerat\w*|respond\w*|improve\w*|work\w*)\b/i;

function lastCue(cues: RegExp, before: string): RegExpExecArray | undefined {
  let found: RegExpExecArray | undefined;
  for (const m of before.matchAll(cues)) {
    if (!OUTCOME.test(before.slice(m.index + m[0].length))) found = m as RegExpExecArray;
  }
  return found;
}

function governs(cues: RegExp, sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const cue = lastCue(cues, before);
  if (!cue) return false;
  const between = before.slice(cue.index + cue[0].length);
  return !CLAUSE_END.test(between) && between.split(/\s+/).filter(Boolean).length <= 10;
}

/** Whether the words at `at` in `sentence` are negated. */
export function isNegated(sentence: string, at: number): boolean {
  return governs(NEGATION, sentence, at);
}

/** Whether the words at `at` in `sentence` are only a possibility. */
export function isHypothetical(sentence: string, at: number): boolean {
  return governs(HYPOTHETICAL, sentence, at);
}
