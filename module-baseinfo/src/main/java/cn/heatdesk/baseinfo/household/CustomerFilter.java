package cn.heatdesk.baseinfo.household;

/** Customer list filters; the derived values are filled by {@link CustomerService}. */
public class CustomerFilter {

    /** name prefix or pinyin-initials prefix */
    private String keyword;
    private String customerCode;
    /** exact number, any format */
    private String phone;
    /** exact ID number or credit code */
    private String idNumber;
    private String customerType;
    private String dataSource;

    private String namePrefix;
    private String pyPrefix;
    private String phoneBidx;
    private String idNumberBidx;

    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public String getCustomerCode() { return customerCode; }
    public void setCustomerCode(String customerCode) { this.customerCode = customerCode; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getCustomerType() { return customerType; }
    public void setCustomerType(String customerType) { this.customerType = customerType; }
    public String getDataSource() { return dataSource; }
    public void setDataSource(String dataSource) { this.dataSource = dataSource; }

    public String getNamePrefix() { return namePrefix; }
    public void setNamePrefix(String namePrefix) { this.namePrefix = namePrefix; }
    public String getPyPrefix() { return pyPrefix; }
    public void setPyPrefix(String pyPrefix) { this.pyPrefix = pyPrefix; }
    public String getPhoneBidx() { return phoneBidx; }
    public void setPhoneBidx(String phoneBidx) { this.phoneBidx = phoneBidx; }
    public String getIdNumberBidx() { return idNumberBidx; }
    public void setIdNumberBidx(String idNumberBidx) { this.idNumberBidx = idNumberBidx; }
}
