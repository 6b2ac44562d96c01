package cn.heatdesk.settings.api;

/** One selectable dictionary value, as drop-downs and other modules see it. */
public record DictItemOption(String code, String label, int sortNo, String tagColor) {
}
