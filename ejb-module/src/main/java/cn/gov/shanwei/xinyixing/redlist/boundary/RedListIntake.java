package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.redlist.entity.RedListBatch;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Receives the red list from the credit platform. One boundary sits behind both the SOAP and the
 * REST interfaces so that the two can never disagree.
 */
@Stateless
public class RedListIntake {

    @PersistenceContext
    EntityManager em;

    public IntakeStatus status() {
        long entries = em.createQuery("select count(e) from RedListEntry e", Long.class).getSingleResult();
        return em.createQuery("select b from RedListBatch b order by b.sequenceNo desc", RedListBatch.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(last -> new IntakeStatus(last.batchId(), last.sequenceNo(), entries))
                .orElseGet(() -> new IntakeStatus(null, 0, entries));
    }
}
