// Length bounds for passwords (NIST SP 800-63B style: length over composition rules).
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128; // also bounds hashing cost for hostile input
