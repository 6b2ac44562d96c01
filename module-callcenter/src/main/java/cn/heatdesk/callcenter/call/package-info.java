/**
 * Call records (通话记录): {@link cn.heatdesk.callcenter.call.CallTracker} builds one record per Asterisk call from
 * the gateways' AMI events and persists every significant step; screen pop ({@link cn.heatdesk.callcenter.call.ScreenPop});
 * recordings index and audited playback; live call figures. Design and the rules deciding each result:
 * docs/call-records.md.
 */
package cn.heatdesk.callcenter.call;
