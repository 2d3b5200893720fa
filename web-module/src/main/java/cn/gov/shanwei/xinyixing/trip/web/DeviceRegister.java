package cn.gov.shanwei.xinyixing.trip.web;

import cn.gov.shanwei.xinyixing.trip.boundary.Devices;
import cn.gov.shanwei.xinyixing.trip.boundary.TripRefused;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operator's devices page: search and page through the validators, see when each last called and
 * what it still holds, register one (its secret is shown once, on this page only), and disable, enable
 * or renew a device's secret after a confirmation step. The boundary checks the role again.
 */
@Named
@ViewScoped
public class DeviceRegister implements Serializable {

    static final int PAGE_SIZE = 20;

    /** What an action will do once confirmed. */
    public enum Pending { DISABLE, ENABLE, RENEW }

    @EJB
    transient Devices devices;

    private String search = "";
    private int first;
    private Devices.Page page;

    private String deviceId;
    private String companyCode = "";
    private String routeNo;
    private String busPlate;

    private String issuedDevice;
    private String issuedSecret;

    private Pending pending;
    private String pendingDevice;

    public void find() {
        first = 0;
        load();
    }

    public void next() {
        if (first + PAGE_SIZE < page().total()) {
            first += PAGE_SIZE;
        }
        load();
    }

    public void previous() {
        first = Math.max(0, first - PAGE_SIZE);
        load();
    }

    public void register() {
        try {
            Devices.Issued issued = devices.register(deviceId, companyCode, routeNo, busPlate);
            shown(issued);
            deviceId = null;
            load();
        } catch (TripRefused refused) {
            error(refused.getMessage());
        }
    }

    public void ask(Pending action, String device) {
        pending = action;
        pendingDevice = device;
    }

    public void cancel() {
        pending = null;
        pendingDevice = null;
    }

    public void confirm() {
        try {
            switch (pending) {
                case DISABLE -> devices.disable(pendingDevice);
                case ENABLE -> devices.enable(pendingDevice);
                case RENEW -> shown(devices.renewSecret(pendingDevice));
            }
        } catch (TripRefused refused) {
            error(refused.getMessage());
        }
        cancel();
        load();
    }

    private void shown(Devices.Issued issued) {
        issuedDevice = issued.device().deviceId();
        issuedSecret = issued.secret();
    }

    private void load() {
        page = devices.list(search, first, PAGE_SIZE);
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public Devices.Page page() {
        if (page == null) {
            load();
        }
        return page;
    }

    public List<Devices.Device> getRows() {
        return page().devices();
    }

    public long getTotal() {
        return page().total();
    }

    public int getFrom() {
        return getTotal() == 0 ? 0 : first + 1;
    }

    public long getTo() {
        return Math.min(first + PAGE_SIZE, getTotal());
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getCompanyCode() {
        return companyCode;
    }

    public void setCompanyCode(String companyCode) {
        this.companyCode = companyCode;
    }

    public String getRouteNo() {
        return routeNo;
    }

    public void setRouteNo(String routeNo) {
        this.routeNo = routeNo;
    }

    public String getBusPlate() {
        return busPlate;
    }

    public void setBusPlate(String busPlate) {
        this.busPlate = busPlate;
    }

    public String getIssuedDevice() {
        return issuedDevice;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public Pending getPending() {
        return pending;
    }

    public String getPendingDevice() {
        return pendingDevice;
    }
}
