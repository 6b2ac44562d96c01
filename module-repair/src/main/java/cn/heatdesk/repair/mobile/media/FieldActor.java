package cn.heatdesk.repair.mobile.media;

/**
 * Who did a field operation, from which bound device, under which client op id (the op id makes repeats
 * idempotent and ties timeline entries back to the synced command).
 */
public record FieldActor(long userId, String userName, String deviceId, String opId) {
}
