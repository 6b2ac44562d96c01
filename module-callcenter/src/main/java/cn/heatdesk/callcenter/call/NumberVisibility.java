package cn.heatdesk.callcenter.call;

/** Whether a user may see callers' numbers unmasked (permission {@code callcenter:number:view}). */
public interface NumberVisibility {

    String PERMISSION = "callcenter:number:view";

    boolean mayView(long userId);
}
