/**
 * Predict, then see: «which partition will user-42 go to with N partitions?» (producer story)
 * and «how many partitions will the third consumer get?» (architecture). Answers are read from
 * the kit's next frame, so they are the core's partitioner and assignor under the student's
 * partition count and assignor; asked only while the student has not acted on the cluster (those
 * actions replay after the step and would change what the question is about).
 */
import { countOf } from '../../lecture/russian.ts';
import {
  makeQuestion,
  questionTable,
  questionsOf,
  windowAround,
  type Question,
} from '../runtime/question.ts';
import {
  kafkaPartitionsLogic,
  type KafkaAction,
  type KafkaFrameView,
  type KafkaModel,
  type MemberView,
} from './logic.ts';
import { KAFKA_STEPS, type KafkaStoryName } from './story.ts';

/** The key the producer story sends before steps 1 and 6. */
const KEY = 'user-42';

/** Partition labels as the picture writes them. */
const partitionLabel = (p: number): string => `P${p}`;

/** Members of group A after the step that were not there before it. */
function joined(now: KafkaFrameView, next: KafkaFrameView): MemberView[] {
  const before = new Set(now.groupA?.members.map((m) => m.memberId) ?? []);
  return next.groupA?.members.filter((m) => !before.has(m.memberId)) ?? [];
}

function partitionQuestion(
  story: KafkaStoryName,
  step: number,
  now: KafkaFrameView,
  next: KafkaFrameView,
): Question | undefined {
  const count = now.settings.partitions;
  const last = next.last;
  if (last?.key !== KEY || count < 2) return undefined;
  const again = now.partitions.some((p) => p.cells.some((c) => c.key === KEY));
  const id = `kafka-partitions/${story}/${step}`;
  return makeQuestion({
    id,
    text: `В какую партицию попадёт ${again ? 'следующая запись ' : ''}${KEY} при ${count} партициях?`,
    right: partitionLabel(last.partition),
    wrong: windowAround(last.partition, 0, count - 1, id).map(partitionLabel),
    explain: again
      ? `Тот же ключ — та же партиция P${last.partition}: порядок записей ${KEY} сохранён.`
      : `murmur2(«${KEY}») по модулю ${count} = ${last.partition}: запись в P${last.partition}.`,
  });
}

function joinQuestion(
  story: KafkaStoryName,
  step: number,
  now: KafkaFrameView,
  next: KafkaFrameView,
): Question | undefined {
  const [member, ...more] = joined(now, next);
  if (!member || more.length > 0) return undefined;
  const count = now.settings.partitions;
  const got = member.partitions.length;
  const members = next.groupA?.members.length ?? 0;
  const id = `kafka-partitions/${story}/${step}`;
  const parts = countOf(count, ['партицию', 'партиции', 'партиций']);
  const consumers = countOf(members, ["consumer'а", "consumer'ов", "consumer'ов"]);
  return makeQuestion({
    id,
    text: `В группу вступает ${member.memberId}: сколько из ${count} партиций он получит?`,
    right: String(got),
    wrong: windowAround(got, 0, count, id).map(String),
    explain:
      got === 0
        ? `Партиций ${count}, а consumer'ов ${members}: ${member.memberId} простаивает.`
        : `Assignor ${now.settings.assignor} делит ${parts} на ${consumers}: ${member.memberId} — ${member.partitions.map(partitionLabel).join(', ')}.`,
  });
}

/** Which asker plays before which step, per story. */
const ASKED = questionTable<KafkaModel, KafkaFrameView, KafkaAction, KafkaStoryName>({
  producer: { 0: partitionQuestion, 5: partitionQuestion },
  architecture: { 3: joinQuestion },
});

/** Asked at the chosen steps while the student has changed only settings (they replay the story). */
function asks(story: KafkaStoryName, step: number, actions: readonly KafkaAction[]): boolean {
  const settingsOnly = actions.every((a) => a.kind === 'partitions' || a.kind === 'assignor');
  return settingsOnly && ASKED.asks(story, step);
}

/** The question before step `step + 1` of `story` with the student's `actions`, or undefined. */
export const kafkaQuestion = questionsOf(kafkaPartitionsLogic, KAFKA_STEPS, ASKED.ask, asks);
