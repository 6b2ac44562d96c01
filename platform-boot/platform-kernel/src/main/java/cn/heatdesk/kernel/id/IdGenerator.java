package cn.heatdesk.kernel.id;

/** Application-generated 64-bit ids; tables never use identity columns. */
public interface IdGenerator {
    long nextId();
}
