package cn.heatdesk.callcenter.agi;

import org.asteriskjava.fastagi.AgiScript;

/**
 * A FastAGI script HeatDesk serves; the dialplan calls it as {@code AGI(agi://<heatdesk>:4573/<name>)}. Spring beans
 * implementing this are mapped by {@link #scriptName()}.
 */
public interface CallCenterAgiScript extends AgiScript {

    String scriptName();
}
