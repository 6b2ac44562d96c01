package cn.heatdesk.notice.outbox;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** nt_delivery_log; read only through an outbox row the caller may see (OutboxService checks it first). */
@Mapper
public interface DeliveryLogMapper {

    void insert(DeliveryLog log);

    List<DeliveryLog> selectByOutbox(@Param("outboxId") long outboxId);
}
