/**
 * 呼叫中心: Asterisk gateways over AMI/FastAGI, agents bound to IP phones, CTI, screen pop, call records.
 * <p>
 * Other modules may only use {@code cn.heatdesk.callcenter.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.callcenter;
