package cn.heatdesk.settings.dict;

/** A type in the list, with its item count. */
public class DictTypeRow extends DictType {

    private Integer itemCount;

    public Integer getItemCount() { return itemCount; }
    public void setItemCount(Integer itemCount) { this.itemCount = itemCount; }
}
