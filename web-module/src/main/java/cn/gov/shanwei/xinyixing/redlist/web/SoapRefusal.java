package cn.gov.shanwei.xinyixing.redlist.web;

/**
 * Why a SOAP request was refused before it reached the service. Each goes back as a SOAP 1.1 fault
 * whose {@code faultstring} starts with the code and whose detail is a {@code RequestRefused}
 * element; only {@code API_KEY_NOT_CONFIGURED} is the server's fault.
 */
public enum SoapRefusal {
    API_KEY_INVALID(true, "接口密钥缺失或错误", "The API key (X-Api-Key) is missing or wrong"),
    API_KEY_NOT_CONFIGURED(false, "接口密钥未配置", "The API key of this interface is not configured"),
    MESSAGE_TOO_LARGE(true, "报文超过允许的大小", "The message is larger than allowed"),
    DOCTYPE_REFUSED(true, "报文不得包含 DOCTYPE 或实体声明", "The message must not contain a DOCTYPE or entity declarations"),
    ENCODING_UNSUPPORTED(true, "报文须为 UTF-8 编码", "The message must be encoded in UTF-8"),
    MALFORMED_MESSAGE(true, "报文格式错误", "The message is not a well-formed SOAP 1.1 envelope");

    private final boolean clientFault;
    private final String chinese;
    private final String english;

    SoapRefusal(boolean clientFault, String chinese, String english) {
        this.clientFault = clientFault;
        this.chinese = chinese;
        this.english = english;
    }

    public boolean clientFault() {
        return clientFault;
    }

    public String message() {
        return chinese + " / " + english;
    }
}
