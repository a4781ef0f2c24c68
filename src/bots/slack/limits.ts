/**
 * Slack's Block Kit and messaging limits (docs.slack.dev/reference/block-kit/blocks, see docs/slack.md).
 * The renderer stays under every one of them so Slack never answers `invalid_blocks` or `msg_blocks_too_long`.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in an App Home view. */
  homeBlocks: 100,
  /**
   * Serialized size of one message's blocks. Slack returns the undocumented `msg_blocks_too_long` at about
   * 11-13k characters even when each documented limit is met (bolt-js #2509, #2867); JSON length is a
   * conservative measure of it.
   */
  messageBlockChars: 11_000,
  /** Top-level `text` is truncated by Slack above this. */
  messageText: 40_000,
  headerText: 150,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  /** We keep context elements well under the 3,000 a text object may hold. */
  contextText: 2_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
} as const;
