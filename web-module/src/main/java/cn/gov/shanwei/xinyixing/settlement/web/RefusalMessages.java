package cn.gov.shanwei.xinyixing.settlement.web;

import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementRefused;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The settlement pages' one way to show a refusal: the boundary's message, on the page, nothing else changed. */
final class RefusalMessages {

    private RefusalMessages() {
    }

    /** Runs an action; a refusal becomes the page's error message. */
    static void shownIfRefused(Runnable action) {
        try {
            action.run();
        } catch (SettlementRefused refused) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
    }
}
