package cn.heatdesk.settings.changelog;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface SettingChangeLogMapper {

    int insert(SettingChangeLog log);

    /** unscoped: for the system's own checks */
    SettingChangeLog findById(@Param("id") long id);

    /** the entry if the current user's data scope covers it */
    @DataScoped
    SettingChangeLog findVisible(@Param("id") long id);

    /** without the JSON columns; {@code like*} are lower-case LIKE patterns escaped with '!' */
    @DataScoped
    List<SettingChangeLog> list(@Param("f") SettingChangeLogFilter filter, @Param("likeKeyword") String likeKeyword,
                                @Param("likeUser") String likeUser, @Param("orderBy") String orderBy);

    /** entries of the entity after the given one, oldest first, without the JSON columns */
    List<SettingChangeLog> listNewer(@Param("entityKind") String entityKind, @Param("entityId") long entityId,
                                     @Param("afterId") long afterId);

    int markRolledBack(@Param("id") long id);
}
