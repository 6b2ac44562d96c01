package cn.heatdesk.baseinfo.blacklist;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The blacklist. It is group-wide for the call center, so the list and the check read unscoped; changing an
 * entry goes through the scoped {@link #selectById} (an entry belongs to the org of whoever added it).
 */
@Mapper
@DataScoped(alias = "b")
public interface BlacklistMapper {

    BlacklistEntry selectById(@Param("id") long id);

    /** active (not removed) and not expired entries of these numbers, newest first */
    @DataScoped(ignore = true)
    List<BlacklistEntry> selectActiveByBidxs(@Param("bidxs") Collection<String> bidxs, @Param("now") LocalDateTime now);

    @DataScoped(ignore = true)
    List<BlacklistEntry> selectPage(@Param("f") BlacklistFilter filter, @Param("orderBy") String orderBy);

    void insert(BlacklistEntry e);

    /** ACTIVE → REMOVED with who, when and why; optimistic lock on row_version */
    int remove(BlacklistEntry e);
}
