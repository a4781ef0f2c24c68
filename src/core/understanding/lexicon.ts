/**
 * The words the understanding layer reads as cues: how a person relates to a skill (knows it, is
 * learning it, wants it, does not know it), negation, who the subject is, and what makes a message
 * about machine learning at all. Lists of words, not sentences, so paraphrases still hit them.
 */
import { loadCommonWords } from './commonWords';
import type { WordSet } from './sortedWords';

/**
 * Common English words (SCOWL sizes 10 to 40, about 42,000 words). Such a word is never read as a typo of
 * a topic ("space" is not spaCy, "stats" is not R), and a topic alias that is one ("torch", "spark",
 * "python", "cloud") counts only where the message is about learning or tech.
 */
export const COMMON_WORDS: WordSet = loadCommonWords();

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Words that make a message about learning, tech or careers, so an everyday-word alias is meant as a skill. */
export const TECH_CONTEXT = words(`
  ml ai machine learning learn learned learnt learner study studying studied deep model models data framework frameworks
  library libraries package packages engineer engineers engineering developer developers dev devs programmer
  programming program code coding coded course courses tutorial tutorials career roadmap skill skills skillset
  project projects neural network networks train training trained deploy deployed deploying deployment
  api apis nlp vision gpu dataset datasets backend frontend stack software computer science scientist
  experience experienced proficient familiar framework tool tools platform platforms tech technology mle mles ds
  vs versus compare
  fine-tune finetune fine-tuned tuning classifier classification regression inference prediction predictions
  notebook notebooks script scripts cluster clusters distributed yrs next nxt basics
`);

/** Cues that the person knows the skill: "I know", "used", "built with", "5 years of". */
export const KNOW_CUES = words(`
  know knew use used using done did finished finish completed complete mastered master learned learnt studied
  worked work working build built building deployed deploy shipped ship wrote write writing coded code coding
  program programmed programming familiar comfortable good fluent experienced experience proficient expert skilled
  background years yrs yr have had got trained fine-tuned finetuned fine tuned ran run running covered solid handle
  jam touched tried messing messed playing played tinkering tinkered dabbling dabbled hacking comfy decent ok okay yes yep yeah yup check pretty maintain maintained maintaining manage managed professionally daily
`);

/** Everyday words that still make a short question about a skill ("is spark worth it?", "is tf hard"). */
export const EVALUATIVE = words(`
  worth good better best bad hard harder difficult easy easier useful important needed required necessary popular
  relevant dead hype hyped overrated underrated still even really rly actually enough
`);

/** Cues that the person is learning it now. */
export const LEARNING_CUES = words(`
  learning studying taking currently reading started starting began beginning exploring practicing practising
  picking halfway enrolled doing
`);

/** Cues that the person wants it or is aiming at it: a goal, not a skill. */
export const WANT_CUES = words(`
  want wanna wanted like love hope hoping plan planning interested into curious aim aiming goal dream considering
  thinking should need needs gonna going wish would keen eager looking focus focused passionate excited
`);

/** Words after which a topic is talked about, not claimed: "I heard about Spark", "I have a question about it". */
export const NEUTRAL_CUES = words(`
  heard hear question questions wonder wondering confused confusing saw seen watched watching read mean
  guess think thought friend friends colleague colleagues boss manager team company they he she people someone
  everyone anyone told says said asked asks recommend recommended
`);

/** Negation: flips the relation of what follows in its clause ("not", "never touched", "zero"). */
export const NEGATIONS = words(`
  not no never dont don't doesnt doesn't didnt didn't havent haven't hasnt hasn't cant can't cannot isnt isn't
  arent aren't wasnt wasn't werent weren't wont won't without zero 0 none nothing nor neither lack lacking
`);

/** Words that make the speaker the subject of a clause. */
export const FIRST_PERSON = words(`i i'm im i've ive i'd id i'll me my myself mine`);

/** Subjects other than the speaker: what they know is not the speaker's. */
export const OTHER_SUBJECTS = words(`he she they you it's his her their your friend friends colleague colleagues boss manager team company people someone everyone anyone`);

/** Words that start a question clause. */
export const QUESTION_STARTS = words(`
  what whats what's how why who whom which where when is are am do does did can could should would will shall may
  tell explain describe define whats any anything pls please recommend suggest
`);

/** Joining words inside a list ("Python, PyTorch and Docker"): a clause of only these and topics is a bare list. */
export const LIST_JOINERS = words(`and or & + also plus as well too some bit a little basic basics, the of in with etc`);

/** Nouns that make "<language> dev" a background ("java backend dev", "python guy"). */
export const ROLE_NOUNS = words(`dev devs developer developers engineer engineers programmer programmers coder coders guy girl person user users background stack`);
