package cn.heatdesk.kernel.signing;

import com.fasterxml.jackson.annotation.JsonFormat;

/** The integration app that signed the current /api/open/** request. */
public record ApiClient(@JsonFormat(shape = JsonFormat.Shape.STRING) long appId, String appKey, String appName,
                        Long subsidiaryId, String orgPath) {
}
