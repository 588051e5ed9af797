-- Tusk demo database: functions that depend on tables, and the triggers.

CREATE FUNCTION shop.order_total_cents(p_order_id bigint) RETURNS bigint
    LANGUAGE sql
    STABLE
    PARALLEL SAFE
AS $$
    SELECT COALESCE(sum(quantity::bigint * unit_price_cents - discount_cents), 0)::bigint
    FROM shop.order_items
    WHERE order_id = p_order_id
$$;
COMMENT ON FUNCTION shop.order_total_cents(bigint) IS 'Sum of the order lines of one order, after line discounts (cents).';

CREATE FUNCTION audit.log_subscription_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO audit.events (actor_customer_id, action, entity_type, entity_id, payload)
    VALUES (NEW.customer_id, 'subscription.status_changed', 'subscription', NEW.id,
            jsonb_build_object('from', OLD.status, 'to', NEW.status,
                               'plan_id', NEW.plan_id));
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION audit.log_subscription_change() IS 'AFTER UPDATE trigger: records subscription status changes in audit.events.';

CREATE TRIGGER customers_touch_updated_at
    BEFORE UPDATE ON shop.customers
    FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();

CREATE TRIGGER products_touch_updated_at
    BEFORE UPDATE ON shop.products
    FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();

CREATE TRIGGER orders_touch_updated_at
    BEFORE UPDATE ON shop.orders
    FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();

CREATE TRIGGER subscriptions_touch_updated_at
    BEFORE UPDATE ON billing.subscriptions
    FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();

CREATE TRIGGER subscriptions_audit_status_change
    AFTER UPDATE OF status ON billing.subscriptions
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION audit.log_subscription_change();
