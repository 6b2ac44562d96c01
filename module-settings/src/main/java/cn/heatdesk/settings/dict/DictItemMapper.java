package cn.heatdesk.settings.dict;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface DictItemMapper {

    DictItem findById(@Param("id") long id);

    DictItem findByCode(@Param("typeCode") String typeCode, @Param("itemCode") String itemCode);

    /** every item of the type, by sort order */
    List<DictItem> listByType(@Param("typeCode") String typeCode);

    /** enabled items of the type, only while the type itself is enabled */
    List<DictItem> listEnabled(@Param("typeCode") String typeCode);

    int countByType(@Param("typeCode") String typeCode);

    int insert(DictItem item);

    int update(DictItem item);

    int delete(@Param("id") long id, @Param("rowVersion") int rowVersion);
}
