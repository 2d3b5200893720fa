package cn.gov.shanwei.xinyixing.redlist.control;

/** What an entry of a red-list batch asks for: the platform adds, changes or revokes (撤销) a listing. */
public enum Operation {
    /** 新增: a person newly recognised in a category. */
    ADD,
    /** 变更: new figures or validity for a listing the platform sent before. */
    CHANGE,
    /** 撤销: the listing is withdrawn; only the ID number and the category identify it. */
    REMOVE
}
