/** `npm run kb:check`: validate the knowledge base and print a summary (exit 1 with the problems). */
import { AREAS, AREA_NAMES } from './schema';
import { DEFAULT_DATA_DIR, KnowledgeBaseError, loadKnowledgeBase } from './load';
import { missingKeyPoints } from '../core/answers/keyPoints';

try {
  const started = process.hrtime.bigint();
  // The YAML, the source of truth, even in the compiled app (which otherwise loads the build's JSON).
  const kb = loadKnowledgeBase(process.argv[2] ?? DEFAULT_DATA_DIR);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Answers must carry the article's key claims: checked on the rendered answers, not the raw data.
  const missing = missingKeyPoints(kb);
  if (missing.length > 0) throw new KnowledgeBaseError(missing);
  console.log(`Knowledge base OK (loaded and validated in ${ms.toFixed(1)} ms)`);
  console.log(`  topics:       ${kb.topics.length}`);
  for (const area of AREAS) {
    const names = kb.topics.filter((t) => t.area === area).map((t) => t.id);
    console.log(`    ${AREA_NAMES[area].padEnd(26)} ${names.join(', ')}`);
  }
  console.log(`  roles:        ${kb.roles.length}`);
  console.log(`  backgrounds:  ${kb.backgrounds.length}`);
  console.log(`  goals:        ${kb.goals.length}`);
  console.log(`  explanations: ${kb.explanations.length}`);
  console.log(`  tips:         ${kb.tips.length}`);
} catch (error) {
  if (error instanceof KnowledgeBaseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
