package cn.heatdesk.callcenter.ivr;

/** Permission codes of the IVR menu screen (declared in {@code heatdesk/permissions/callcenter.json}). */
public final class IvrPermissions {

    /** 语音导航: see the menus */
    public static final String IVR = "callcenter:ivr";
    /** create / edit / delete menus */
    public static final String IVR_EDIT = "callcenter:ivr:edit";

    private IvrPermissions() {
    }
}
