import { Collector } from './collect';
import { requiredText } from './fields';
import { REQUEST_LIMITS as L } from './limits';
import type { IdeaOrQuestionDetails, IdeaOrQuestionInput, Validated } from './types';

export function emptyIdeaOrQuestion(): IdeaOrQuestionInput {
  return { kind: 'Idea or question', subject: '', message: '' };
}

export function validateIdeaOrQuestion(input: IdeaOrQuestionInput): Validated<IdeaOrQuestionDetails> {
  const c = new Collector();
  const subject = c.field('subject', requiredText(input.subject, L.nameLength, false, 'Give your idea or question a short subject.'));
  const message = c.field('message', requiredText(input.message, L.longNoteLength, true, 'Write your idea or question for comms.'));
  return c.result(() => ({ kind: 'Idea or question', subject: subject!, message: message! }));
}

export function ideaOrQuestionInputFrom(d: IdeaOrQuestionDetails): IdeaOrQuestionInput {
  return { kind: 'Idea or question', subject: d.subject, message: d.message };
}
