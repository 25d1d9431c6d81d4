/**
 * The time zone of the seller's days and hours on the metrics page: Moscow, as Ozon's seller portal and its
 * ratings count days. Moscow keeps UTC+3 all year (no daylight saving since 2014).
 */
export const SELLER_TIME_ZONE = "Europe/Moscow";
