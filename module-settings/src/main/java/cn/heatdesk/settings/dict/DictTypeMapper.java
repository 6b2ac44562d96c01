package cn.heatdesk.settings.dict;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface DictTypeMapper {

    DictType findById(@Param("id") long id);

    DictType findByCode(@Param("typeCode") String typeCode);

    /** @param likeKeyword lower-case LIKE pattern escaped with '!', or null */
    List<DictTypeRow> list(@Param("likeKeyword") String likeKeyword, @Param("enabled") Integer enabled,
                           @Param("orderBy") String orderBy);

    int insert(DictType type);

    /** all mutable fields; row_version + 1, guarded by the given rowVersion */
    int update(DictType type);

    int delete(@Param("id") long id, @Param("rowVersion") int rowVersion);
}
