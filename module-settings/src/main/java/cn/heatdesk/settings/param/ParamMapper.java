package cn.heatdesk.settings.param;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface ParamMapper {

    SysParam findById(@Param("id") long id);

    SysParam findByKey(@Param("paramKey") String paramKey);

    /** @param likeKeyword lower-case LIKE pattern escaped with '!', or null */
    List<SysParam> list(@Param("group") String group, @Param("likeKeyword") String likeKeyword,
                        @Param("orderBy") String orderBy);

    List<String> listGroups();

    int insert(SysParam param);

    /** all mutable fields; row_version + 1, guarded by the given rowVersion */
    int update(SysParam param);

    int delete(@Param("id") long id, @Param("rowVersion") int rowVersion);
}
