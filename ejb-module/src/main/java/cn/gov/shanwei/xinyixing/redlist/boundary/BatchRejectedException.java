package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A batch refused as a whole, with every reason found. Rolls the transaction back, so nothing of
 * the batch is applied; SOAP and REST turn it into a fault or a 422 listing the reasons.
 */
@ApplicationException(rollback = true)
public class BatchRejectedException extends RuntimeException {

    private final List<Rejection> rejections;

    public BatchRejectedException(List<Rejection> rejections) {
        super(rejections.size() + " reason(s): " + rejections.stream().map(Rejection::code).distinct().toList());
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}
