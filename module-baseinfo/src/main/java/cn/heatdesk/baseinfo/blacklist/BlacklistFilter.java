package cn.heatdesk.baseinfo.blacklist;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/** Blacklist filters: status ACTIVE / EXPIRED / REMOVED, exact number, creation time range [from, to). */
public class BlacklistFilter {

    private String status;
    private String phone;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime createdFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime createdTo;

    private String phoneBidx;
    private LocalDateTime now;

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public LocalDateTime getCreatedFrom() { return createdFrom; }
    public void setCreatedFrom(LocalDateTime createdFrom) { this.createdFrom = createdFrom; }
    public LocalDateTime getCreatedTo() { return createdTo; }
    public void setCreatedTo(LocalDateTime createdTo) { this.createdTo = createdTo; }
    public String getPhoneBidx() { return phoneBidx; }
    public void setPhoneBidx(String phoneBidx) { this.phoneBidx = phoneBidx; }
    public LocalDateTime getNow() { return now; }
    public void setNow(LocalDateTime now) { this.now = now; }
}
