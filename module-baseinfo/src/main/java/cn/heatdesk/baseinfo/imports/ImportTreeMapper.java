package cn.heatdesk.baseinfo.imports;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Follow-up writes when an import renames an existing node: the full names below it and the addresses of the
 * households in its units are derived from the name. Both bump row_version, so a console form still holding the
 * old text gets a conflict instead of writing it back.
 */
@Mapper
public interface ImportTreeMapper {

    /**
     * Replaces the leading {@code oldPrefixLength} characters of the full name of every node below {@code nodePath}
     * (the node itself excluded) with {@code newPrefix}.
     */
    int renameDescendants(@Param("nodePath") String nodePath, @Param("nodeId") long nodeId,
                          @Param("newPrefix") String newPrefix, @Param("oldPrefixLength") int oldPrefixLength);

    /** address = {@code prefix} + room number, for the households of one unit */
    int readdressHouseholds(@Param("unitId") long unitId, @Param("prefix") String prefix);
}
