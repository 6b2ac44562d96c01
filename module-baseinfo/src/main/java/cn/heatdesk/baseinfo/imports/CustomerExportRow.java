package cn.heatdesk.baseinfo.imports;

/** One streamed row of the customer export; a customer with several phones comes as several consecutive rows. */
public class CustomerExportRow {

    private Long id;
    private String customerCode;
    private String customerName;
    private String customerType;
    private String idNumber;
    private String phone;
    private String contactPref;
    private String contactTime;
    private Integer noDisturb;
    private String remark;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCustomerCode() {
        return customerCode;
    }

    public void setCustomerCode(String customerCode) {
        this.customerCode = customerCode;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getCustomerType() {
        return customerType;
    }

    public void setCustomerType(String customerType) {
        this.customerType = customerType;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getContactPref() {
        return contactPref;
    }

    public void setContactPref(String contactPref) {
        this.contactPref = contactPref;
    }

    public String getContactTime() {
        return contactTime;
    }

    public void setContactTime(String contactTime) {
        this.contactTime = contactTime;
    }

    public Integer getNoDisturb() {
        return noDisturb;
    }

    public void setNoDisturb(Integer noDisturb) {
        this.noDisturb = noDisturb;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }
}
