package cn.heatdesk.settings.api;

/**
 * Published inside the transaction that moves an org node: every module that stores org paths or
 * subsidiary ids of rows under the moved node rewrites them (prefix {@code oldPath} → {@code newPath}) in the
 * same transaction, so data scope stays correct.
 */
public record OrgPlacementChanged(long orgId, String oldPath, String newPath, Long oldSubsidiaryId,
                                  Long newSubsidiaryId) {
}
