package cn.heatdesk.baseinfo.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the customer and phone endpoints. ID numbers and phones are checked by IdNumbers/PhoneNumbers. */
public final class CustomerRequests {

    static final String TYPE_RE = "^(RESIDENT|ENTERPRISE)$";
    static final String TYPE_MSG = "客户类型只能是居民（RESIDENT）或单位（ENTERPRISE）";
    static final String PREF_RE = "^(PHONE|SMS|WECHAT|NONE)$";
    static final String PREF_MSG = "联系偏好只能是电话、短信、微信或不联系";

    private CustomerRequests() {
    }

    /** a customer entered by hand; subsidiaryId is required for group users (others: their own subsidiary) */
    public record Create(
            Long subsidiaryId,
            @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}$", message = "客户编号只能包含字母、数字、下划线、点和短横线，且不超过64位")
            String customerCode,
            @NotBlank(message = "客户姓名不能为空") @Size(max = 64, message = "客户姓名不能超过64个字") String customerName,
            @Pattern(regexp = TYPE_RE, message = TYPE_MSG) String customerType,
            String idNumber,
            @Pattern(regexp = PREF_RE, message = PREF_MSG) String contactPref,
            @Size(max = 64, message = "联系时间不能超过64个字") String contactTime,
            Boolean noDisturb,
            @Size(max = 500, message = "备注不能超过500个字") String remark,
            List<String> phones) {
    }

    /**
     * Name and ID number only for customers not maintained by the billing system. idNumber: null or the masked form
     * the view returned keeps the stored value, blank clears it.
     */
    public record Update(
            @Size(max = 64, message = "客户姓名不能超过64个字") String customerName,
            @Pattern(regexp = TYPE_RE, message = TYPE_MSG) String customerType,
            String idNumber,
            @Pattern(regexp = PREF_RE, message = PREF_MSG) String contactPref,
            @Size(max = 64, message = "联系时间不能超过64个字") String contactTime,
            Boolean noDisturb,
            @Size(max = 500, message = "备注不能超过500个字") String remark,
            @NotNull(message = "版本号不能为空") Integer rowVersion) {
    }

    public record BindPhone(
            @NotBlank(message = "电话号码不能为空") String phone,
            @Size(max = 200, message = "备注不能超过200个字") String remark,
            Boolean primary) {
    }
}
