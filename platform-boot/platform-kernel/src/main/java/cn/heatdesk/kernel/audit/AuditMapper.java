package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * Reads of the audit log, limited to the viewer's data scope by the central interceptor like every other list
 * (a user's own rows for SELF scope). Writes stay in {@link AuditService} (chain head lock, JDBC).
 */
@Mapper
@DataScoped(alias = "a", creatorColumn = "user_id")
public interface AuditMapper {

    /** newest first; {@code belowSeq} continues a keyset scan */
    List<AuditRecord> selectRows(@Param("q") AuditQuery query, @Param("usernamePattern") String usernamePattern,
                                 @Param("actionPattern") String actionPattern, @Param("resultName") String resultName,
                                 @Param("belowSeq") Long belowSeq);
}
