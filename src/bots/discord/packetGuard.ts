/**
 * discord.js trusts gateway payloads: an INTERACTION_CREATE without `authorizing_integration_owners` (or
 * `entitlements`) throws inside its gateway dispatch handler (WebSocketManager.handlePacket, 14.28), where no
 * listener of ours runs and nothing catches it, so the whole process (Slack and the tips included) exits.
 * Wrapping that one method turns such a payload into a logged, skipped event. The method is internal:
 * if a discord.js version renames it, we log that the guard is off rather than fail to start.
 */
import type { Client } from 'discord.js';
import type { Logger } from '../../core/logger';

type PacketHandler = (packet?: { t?: string; d?: { id?: string } }, shard?: unknown) => boolean;

export function guardPacketHandling(client: Client, logger: Logger): boolean {
  const manager = client.ws as unknown as { handlePacket?: PacketHandler };
  const original = manager.handlePacket;
  if (typeof original !== 'function') {
    logger.warn('discord: packet guard not installed (discord.js internals changed); a malformed payload may crash the process');
    return false;
  }
  manager.handlePacket = function guardedHandlePacket(this: unknown, packet, shard) {
    try {
      return original.call(this, packet, shard);
    } catch (error) {
      logger.error('discord: gateway payload made discord.js throw; event skipped', { event: packet?.t, id: packet?.d?.id, error });
      return true;
    }
  };
  return true;
}
