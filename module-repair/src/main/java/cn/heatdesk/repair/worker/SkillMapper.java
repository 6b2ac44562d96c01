package cn.heatdesk.repair.worker;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** rp_skill: group-wide reference data, not limited by data scope. */
@Mapper
public interface SkillMapper {

    /** every skill, disabled ones included, by sort order */
    List<Skill> selectAll();

    Skill selectByCode(@Param("code") String code);

    void insert(Skill s);

    /** name, ticket types, sort and enabled; optimistic lock on row_version */
    int update(Skill s);
}
